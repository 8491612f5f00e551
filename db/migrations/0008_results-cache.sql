CREATE TABLE `resultat_cache` (
	`tilsyn_id` integer PRIMARY KEY NOT NULL,
	`stempel` text NOT NULL,
	`resultater` text NOT NULL,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
