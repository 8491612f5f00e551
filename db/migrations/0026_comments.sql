CREATE TABLE `kommentar` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sag_id` integer NOT NULL,
	`spoergsmaal` text NOT NULL,
	`tekst` text NOT NULL,
	`af` text NOT NULL,
	`oprettet` text NOT NULL,
	`loest_af` text,
	`loest_tid` text,
	FOREIGN KEY (`sag_id`) REFERENCES `sag`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `kommentar_sag_idx` ON `kommentar` (`sag_id`);