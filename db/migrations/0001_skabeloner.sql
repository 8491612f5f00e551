CREATE TABLE `skabelon` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`navn` text NOT NULL,
	`omraade` text NOT NULL,
	`beskrivelse` text DEFAULT '' NOT NULL,
	`kilde` text NOT NULL,
	`standard_id` text,
	`oprettet` text NOT NULL,
	`aendret` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skabelon_standard_id_uq` ON `skabelon` (`standard_id`);--> statement-breakpoint
CREATE TABLE `skabelon_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`skabelon_id` integer NOT NULL,
	`nummer` integer NOT NULL,
	`status` text NOT NULL,
	`indhold` text NOT NULL,
	`oprettet` text NOT NULL,
	`publiceret` text,
	FOREIGN KEY (`skabelon_id`) REFERENCES `skabelon`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skabelon_version_nummer_uq` ON `skabelon_version` (`skabelon_id`,`nummer`);--> statement-breakpoint
CREATE UNIQUE INDEX `skabelon_version_kladde_uq` ON `skabelon_version` (`skabelon_id`) WHERE status = 'kladde';--> statement-breakpoint
ALTER TABLE `tilsyn` ADD `skabelon_version_id` integer REFERENCES skabelon_version(id);--> statement-breakpoint
ALTER TABLE `tilsyn` ADD `afsnit_valg` text;