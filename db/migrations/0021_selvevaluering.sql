CREATE TABLE `selvevaluering` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uid` text NOT NULL,
	`titel` text NOT NULL,
	`sagsbehandler` text NOT NULL,
	`periode_fra` text NOT NULL,
	`periode_til` text NOT NULL,
	`indhold` text NOT NULL,
	`afsnit` text,
	`fra` text NOT NULL,
	`pakke_oprettet` text NOT NULL,
	`aabnet` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selvevaluering_uid_unique` ON `selvevaluering` (`uid`);--> statement-breakpoint
CREATE TABLE `selvevaluering_sag` (
	`selvevaluering_id` integer NOT NULL,
	`noegle` integer NOT NULL,
	`orden` integer NOT NULL,
	`sagsnummer` text NOT NULL,
	`sagstype` text NOT NULL,
	`datoer` text NOT NULL,
	`refleksioner` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`selvevaluering_id`, `noegle`),
	FOREIGN KEY (`selvevaluering_id`) REFERENCES `selvevaluering`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `selvevaluering_svar` (
	`selvevaluering_id` integer NOT NULL,
	`noegle` integer NOT NULL,
	`spoergsmaal` text NOT NULL,
	`vaerdi` text,
	`note` text DEFAULT '' NOT NULL,
	`begrundelse` text DEFAULT '' NOT NULL,
	`tilsidesat` text,
	`aendret` text NOT NULL,
	PRIMARY KEY(`selvevaluering_id`, `noegle`, `spoergsmaal`),
	FOREIGN KEY (`selvevaluering_id`) REFERENCES `selvevaluering`(`id`) ON UPDATE no action ON DELETE cascade
);
