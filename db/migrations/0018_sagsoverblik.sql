CREATE TABLE `oversigt_flow` (
	`fra_id` integer NOT NULL,
	`til_id` integer NOT NULL,
	`optaelling` text NOT NULL,
	`tal` text NOT NULL,
	PRIMARY KEY(`fra_id`, `til_id`, `optaelling`),
	FOREIGN KEY (`fra_id`) REFERENCES `oversigt_liste`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`til_id`) REFERENCES `oversigt_liste`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `oversigt_flow_til_idx` ON `oversigt_flow` (`til_id`);--> statement-breakpoint
CREATE TABLE `oversigt_liste` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enhed_id` integer NOT NULL,
	`tilsyn_id` integer,
	`dato` text NOT NULL,
	`kilde_fil` text NOT NULL,
	`fil_hash` text NOT NULL,
	`importeret` text NOT NULL,
	`tal` text NOT NULL,
	`har_person` integer DEFAULT false NOT NULL,
	`sager_slettet` text,
	`sager_slettet_af` text,
	FOREIGN KEY (`enhed_id`) REFERENCES `enhed`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `oversigt_liste_enhed_idx` ON `oversigt_liste` (`enhed_id`,`dato`);--> statement-breakpoint
CREATE UNIQUE INDEX `oversigt_liste_tilsyn_uq` ON `oversigt_liste` (`tilsyn_id`);--> statement-breakpoint
CREATE TABLE `oversigt_maal` (
	`enhed_id` integer PRIMARY KEY NOT NULL,
	`maal` integer,
	`optaelling` text DEFAULT 'sager' NOT NULL,
	`aendret` text NOT NULL,
	FOREIGN KEY (`enhed_id`) REFERENCES `enhed`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `oversigt_sag` (
	`liste_id` integer NOT NULL,
	`noegle` text NOT NULL,
	`sagsnummer` text NOT NULL,
	`sagsbehandler` text DEFAULT '' NOT NULL,
	`team` text DEFAULT '' NOT NULL,
	`sagstype` text DEFAULT '' NOT NULL,
	`person` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`liste_id`) REFERENCES `oversigt_liste`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `oversigt_sag_liste_idx` ON `oversigt_sag` (`liste_id`);--> statement-breakpoint
CREATE INDEX `oversigt_sag_noegle_idx` ON `oversigt_sag` (`noegle`);