CREATE TABLE `anden_gennemgang` (
	`tilsyn_id` integer PRIMARY KEY NOT NULL,
	`bedoemmer` text NOT NULL,
	`udvaelgelse` text NOT NULL,
	`seed` integer,
	`oprettet` text NOT NULL,
	`oprettet_af` text NOT NULL,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `anden_gennemgang_sag` (
	`sag_id` integer PRIMARY KEY NOT NULL,
	`tilsyn_id` integer NOT NULL,
	FOREIGN KEY (`sag_id`) REFERENCES `sag`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `anden_gennemgang_sag_tilsyn_idx` ON `anden_gennemgang_sag` (`tilsyn_id`);--> statement-breakpoint
CREATE TABLE `moderering` (
	`sag_id` integer NOT NULL,
	`spoergsmaal` text NOT NULL,
	`foerste` text NOT NULL,
	`anden` text NOT NULL,
	`endelig` text NOT NULL,
	`begrundelse` text NOT NULL,
	`hvem` text NOT NULL,
	`tid` text NOT NULL,
	PRIMARY KEY(`sag_id`, `spoergsmaal`),
	FOREIGN KEY (`sag_id`) REFERENCES `sag`(`id`) ON UPDATE no action ON DELETE cascade
);
