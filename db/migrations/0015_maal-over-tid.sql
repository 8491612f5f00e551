CREATE TABLE `maal_trin` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enhed_id` integer NOT NULL,
	`familie_id` integer NOT NULL,
	`noegle` text NOT NULL,
	`trin` text DEFAULT '[]' NOT NULL,
	`indikator` text DEFAULT '' NOT NULL,
	`metode` text DEFAULT '' NOT NULL,
	`aendret` text NOT NULL,
	FOREIGN KEY (`enhed_id`) REFERENCES `enhed`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`familie_id`) REFERENCES `skabelon`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `maal_trin_uq` ON `maal_trin` (`enhed_id`,`familie_id`,`noegle`);