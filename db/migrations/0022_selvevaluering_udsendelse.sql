CREATE TABLE `selvevaluering_udsendelse` (
	`tilsyn_id` integer NOT NULL,
	`person` text NOT NULL,
	`token` text NOT NULL,
	`svar_oprettet` text,
	PRIMARY KEY(`tilsyn_id`, `person`),
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `selvevaluering_udsendelse_token_unique` ON `selvevaluering_udsendelse` (`token`);