CREATE TABLE `daekning_tal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enhed_id` integer NOT NULL,
	`fra` text NOT NULL,
	`til` text NOT NULL,
	`kilde_fil` text NOT NULL,
	`beregnet` text NOT NULL,
	`sagsbehandlere` integer NOT NULL,
	`sagsbehandlere_daekket` integer NOT NULL,
	`sagstyper` integer NOT NULL,
	`sagstyper_daekket` integer NOT NULL,
	`runder` integer NOT NULL,
	`runder_uden_sager` integer NOT NULL,
	FOREIGN KEY (`enhed_id`) REFERENCES `enhed`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daekning_tal_uq` ON `daekning_tal` (`enhed_id`,`fra`,`til`,`kilde_fil`);