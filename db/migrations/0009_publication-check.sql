CREATE TABLE `publicering_godkendt` (
	`tilsyn_id` integer NOT NULL,
	`tekst_hash` text NOT NULL,
	`start` integer NOT NULL,
	`slut` integer NOT NULL,
	`markeret` text NOT NULL,
	PRIMARY KEY(`tilsyn_id`, `tekst_hash`, `start`, `slut`),
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
