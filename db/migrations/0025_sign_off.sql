CREATE TABLE `godkendelse` (
	`tilsyn_id` integer PRIMARY KEY NOT NULL,
	`godkender` text NOT NULL,
	`godkendt_af` text,
	`godkendt_tid` text,
	`afslutning_id` integer,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
