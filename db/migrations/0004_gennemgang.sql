CREATE TABLE `svar` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sag_id` integer NOT NULL,
	`spoergsmaal` text NOT NULL,
	`rolle` text DEFAULT 'leder' NOT NULL,
	`vaerdi` text,
	`note` text DEFAULT '' NOT NULL,
	`begrundelse` text DEFAULT '' NOT NULL,
	`tilsidesat` text,
	`aendret` text NOT NULL,
	FOREIGN KEY (`sag_id`) REFERENCES `sag`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `svar_sag_spoergsmaal_rolle_uq` ON `svar` (`sag_id`,`spoergsmaal`,`rolle`);--> statement-breakpoint
ALTER TABLE `sag` ADD `datoer` text DEFAULT '{}' NOT NULL;