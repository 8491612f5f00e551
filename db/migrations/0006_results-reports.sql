CREATE TABLE `indstilling` (
	`noegle` text PRIMARY KEY NOT NULL,
	`vaerdi` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `maal_vurdering` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tilsyn_id` integer NOT NULL,
	`spoergsmaal` text NOT NULL,
	`vurdering` text DEFAULT '' NOT NULL,
	`plan` text DEFAULT '' NOT NULL,
	`ansvarlig` text DEFAULT '' NOT NULL,
	`frist` text,
	`aendret` text NOT NULL,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `maal_vurdering_uq` ON `maal_vurdering` (`tilsyn_id`,`spoergsmaal`);--> statement-breakpoint
CREATE TABLE `refleksion` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tilsyn_id` integer NOT NULL,
	`sagsbehandler` text,
	`spoergsmaal` text,
	`tekst` text NOT NULL,
	`oprettet` text NOT NULL,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `refleksion_tilsyn_idx` ON `refleksion` (`tilsyn_id`);--> statement-breakpoint
ALTER TABLE `tilsyn` ADD `baseline` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `tilsyn` ADD `sammenfatning` text DEFAULT '' NOT NULL;