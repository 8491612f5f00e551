CREATE TABLE `fund` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sag_id` integer NOT NULL,
	`art` text NOT NULL,
	`tekst` text NOT NULL,
	`spoergsmaal` text,
	`oprettet` text NOT NULL,
	FOREIGN KEY (`sag_id`) REFERENCES `sag`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fund_sag_idx` ON `fund` (`sag_id`);--> statement-breakpoint
CREATE TABLE `handling` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sag_id` integer NOT NULL,
	`tekst` text NOT NULL,
	`ansvarlig` text DEFAULT '' NOT NULL,
	`frist` text,
	`status` text DEFAULT 'aaben' NOT NULL,
	`spoergsmaal` text,
	`oprettet` text NOT NULL,
	`aendret` text NOT NULL,
	FOREIGN KEY (`sag_id`) REFERENCES `sag`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `handling_sag_idx` ON `handling` (`sag_id`);--> statement-breakpoint
CREATE INDEX `handling_status_idx` ON `handling` (`status`);--> statement-breakpoint
CREATE TABLE `tilsyn_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tilsyn_id` integer NOT NULL,
	`art` text NOT NULL,
	`tidspunkt` text NOT NULL,
	`hvem` text NOT NULL,
	`sagsnummer` text,
	`hvad` text DEFAULT '' NOT NULL,
	`gammel` text,
	`ny` text,
	`hvorfor` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tilsyn_log_tilsyn_idx` ON `tilsyn_log` (`tilsyn_id`);--> statement-breakpoint
ALTER TABLE `sag` ADD `dialog` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `tilsyn` ADD `afsluttet_af` text;--> statement-breakpoint
ALTER TABLE `tilsyn` ADD `afsluttet_dato` text;