CREATE TABLE `import_mapping` (
	`layout_key` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`brugt` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `population` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tilsyn_id` integer NOT NULL,
	`kilde_fil` text NOT NULL,
	`format` text NOT NULL,
	`importeret` text NOT NULL,
	`antal_raekker` integer NOT NULL,
	`fil_hash` text NOT NULL,
	`indhold_hash` text NOT NULL,
	`mapping` text NOT NULL,
	`fjernede_kolonner` text DEFAULT '[]' NOT NULL,
	`maskerede` integer DEFAULT 0 NOT NULL,
	`sprungne_raekker` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `population_tilsyn_id_unique` ON `population` (`tilsyn_id`);--> statement-breakpoint
CREATE TABLE `population_sag` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`population_id` integer NOT NULL,
	`fil_raekke` integer NOT NULL,
	`sagsnummer` text NOT NULL,
	`sagstype` text DEFAULT '' NOT NULL,
	`sagsbehandler` text DEFAULT '' NOT NULL,
	`team` text DEFAULT '' NOT NULL,
	`datoer` text DEFAULT '{}' NOT NULL,
	`ekstra` text DEFAULT '{}' NOT NULL,
	`manuel` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`population_id`) REFERENCES `population`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `population_sag_nummer_uq` ON `population_sag` (`population_id`,`sagsnummer`);--> statement-breakpoint
CREATE TABLE `stikproeve` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tilsyn_id` integer NOT NULL,
	`metode` text NOT NULL,
	`spec` text NOT NULL,
	`seed` integer NOT NULL,
	`population_hash` text NOT NULL,
	`population_antal` integer NOT NULL,
	`udvalgt_efter_filtre` integer NOT NULL,
	`strata` text NOT NULL,
	`advarsler` text DEFAULT '[]' NOT NULL,
	`trukket_af` text NOT NULL,
	`trukket` text NOT NULL,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stikproeve_tilsyn_id_unique` ON `stikproeve` (`tilsyn_id`);--> statement-breakpoint
ALTER TABLE `sag` ADD `population_sag_id` integer REFERENCES population_sag(id);--> statement-breakpoint
ALTER TABLE `sag` ADD `stratum` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `sag` ADD `rolle` text DEFAULT 'udvalgt' NOT NULL;--> statement-breakpoint
ALTER TABLE `sag` ADD `orden` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sag` ADD `udgaaet_aarsag` text;--> statement-breakpoint
ALTER TABLE `sag` ADD `udgaaet_note` text;--> statement-breakpoint
ALTER TABLE `sag` ADD `udgaaet_tid` text;--> statement-breakpoint
ALTER TABLE `sag` ADD `erstatter_sag_id` integer;