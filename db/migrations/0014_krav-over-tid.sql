CREATE TABLE `krav_kobling` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`familie_id` integer NOT NULL,
	`gammel` text NOT NULL,
	`ny` text NOT NULL,
	`oprettet` text NOT NULL,
	FOREIGN KEY (`familie_id`) REFERENCES `skabelon`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `krav_kobling_gammel_uq` ON `krav_kobling` (`familie_id`,`gammel`);--> statement-breakpoint
ALTER TABLE `skabelon` ADD `kopi_af` integer REFERENCES skabelon(id) ON DELETE SET NULL;