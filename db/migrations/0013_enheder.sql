CREATE TABLE `enhed` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`navn` text NOT NULL,
	`niveau` text NOT NULL,
	`foraelder_id` integer,
	`plads` text NOT NULL,
	`bekraeftet` integer DEFAULT true NOT NULL,
	`oprettet` text NOT NULL,
	`aendret` text NOT NULL,
	FOREIGN KEY (`foraelder_id`) REFERENCES `enhed`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enhed_plads_uq` ON `enhed` (`plads`);--> statement-breakpoint
CREATE INDEX `enhed_foraelder_idx` ON `enhed` (`foraelder_id`);--> statement-breakpoint
ALTER TABLE `tilsyn` ADD `enhed_id` integer REFERENCES enhed(id);--> statement-breakpoint
CREATE INDEX `tilsyn_enhed_idx` ON `tilsyn` (`enhed_id`);--> statement-breakpoint
-- Tilsyn made before enheder came in: one enhed per distinct name (case and outer spaces aside), at the top,
-- marked for the leader to confirm, move under its afdeling or merge with another.
INSERT INTO `enhed` (`navn`, `niveau`, `foraelder_id`, `plads`, `bekraeftet`, `oprettet`, `aendret`)
SELECT trim(`enhed`), 'team', NULL, '0/' || lower(trim(`enhed`)), 0, min(`oprettet`), max(`aendret`)
FROM `tilsyn` GROUP BY lower(trim(`enhed`));
--> statement-breakpoint
UPDATE `tilsyn` SET `enhed_id` = (SELECT `id` FROM `enhed` WHERE `plads` = '0/' || lower(trim(`tilsyn`.`enhed`)));
