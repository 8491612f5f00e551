CREATE TABLE `kalibrering_svar` (
	`oevelsessag_id` integer NOT NULL,
	`noegle` text NOT NULL,
	`bedoemmer` text NOT NULL,
	`spoergsmaal` text NOT NULL,
	`vaerdi` text,
	`note` text DEFAULT '' NOT NULL,
	`begrundelse` text DEFAULT '' NOT NULL,
	`tilsidesat` text,
	`aendret` text NOT NULL,
	PRIMARY KEY(`oevelsessag_id`, `noegle`, `spoergsmaal`),
	FOREIGN KEY (`oevelsessag_id`) REFERENCES `oevelsessag`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `oevelsessag` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`skabelon_version_id` integer NOT NULL,
	`titel` text NOT NULL,
	`beskrivelse` text NOT NULL,
	`sagstype` text DEFAULT '' NOT NULL,
	`datoer` text DEFAULT '{}' NOT NULL,
	`gentager_id` integer,
	`oprettet` text NOT NULL,
	`oprettet_af` text NOT NULL,
	FOREIGN KEY (`skabelon_version_id`) REFERENCES `skabelon_version`(`id`) ON UPDATE no action ON DELETE restrict
);
