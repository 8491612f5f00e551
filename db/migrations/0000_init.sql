CREATE TABLE `sag` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tilsyn_id` integer NOT NULL,
	`sagsnummer` text NOT NULL,
	`status` text DEFAULT 'ikke_startet' NOT NULL,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sag_tilsyn_sagsnummer_uq` ON `sag` (`tilsyn_id`,`sagsnummer`);--> statement-breakpoint
CREATE TABLE `tilsyn` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`titel` text NOT NULL,
	`periode_fra` text NOT NULL,
	`periode_til` text NOT NULL,
	`enhed` text NOT NULL,
	`form` text NOT NULL,
	`formaal` text NOT NULL,
	`fokus` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planlaegning' NOT NULL,
	`oprettet` text NOT NULL,
	`aendret` text NOT NULL,
	CONSTRAINT "tilsyn_periode_order" CHECK("tilsyn"."periode_fra" <= "tilsyn"."periode_til")
);
--> statement-breakpoint
CREATE INDEX `tilsyn_oprettet_idx` ON `tilsyn` (`oprettet`);