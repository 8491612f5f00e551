CREATE TABLE `planlagt_runde` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enhed_id` integer NOT NULL,
	`art` text NOT NULL,
	`titel` text NOT NULL,
	`skabelon_version_id` integer NOT NULL,
	`afsnit_valg` text,
	`form` text NOT NULL,
	`stikproeve` text NOT NULL,
	`ansvarlig` text NOT NULL,
	`fra` text NOT NULL,
	`til` text NOT NULL,
	`tilsyn_id` integer,
	`oprettet` text NOT NULL,
	`aendret` text NOT NULL,
	FOREIGN KEY (`enhed_id`) REFERENCES `enhed`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`skabelon_version_id`) REFERENCES `skabelon_version`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "planlagt_runde_periode_order" CHECK("planlagt_runde"."fra" <= "planlagt_runde"."til")
);
--> statement-breakpoint
CREATE INDEX `planlagt_runde_fra_idx` ON `planlagt_runde` (`fra`);--> statement-breakpoint
CREATE UNIQUE INDEX `planlagt_runde_tilsyn_uq` ON `planlagt_runde` (`tilsyn_id`);