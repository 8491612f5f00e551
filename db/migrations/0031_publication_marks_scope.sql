CREATE TABLE `periode_godkendt` (
	`enhed_id` integer NOT NULL,
	`tekst_hash` text NOT NULL,
	`start` integer NOT NULL,
	`slut` integer NOT NULL,
	`markeret` text NOT NULL,
	PRIMARY KEY(`enhed_id`, `tekst_hash`, `start`, `slut`),
	FOREIGN KEY (`enhed_id`) REFERENCES `enhed`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_publicering_godkendt` (
	`tilsyn_id` integer NOT NULL,
	`dokument` text NOT NULL,
	`tekst_hash` text NOT NULL,
	`start` integer NOT NULL,
	`slut` integer NOT NULL,
	`markeret` text NOT NULL,
	PRIMARY KEY(`tilsyn_id`, `dokument`, `tekst_hash`, `start`, `slut`),
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- A mark made before marks had a document counted in both documents' checks; it still does, once in each.
INSERT INTO `__new_publicering_godkendt`("tilsyn_id", "dokument", "tekst_hash", "start", "slut", "markeret")
SELECT "tilsyn_id", d.`dokument`, "tekst_hash", "start", "slut", "markeret"
FROM `publicering_godkendt`, (SELECT 'udvalg' AS `dokument` UNION ALL SELECT 'team') d;--> statement-breakpoint
DROP TABLE `publicering_godkendt`;--> statement-breakpoint
ALTER TABLE `__new_publicering_godkendt` RENAME TO `publicering_godkendt`;--> statement-breakpoint
PRAGMA foreign_keys=ON;