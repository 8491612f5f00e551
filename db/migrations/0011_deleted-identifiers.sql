CREATE TABLE `identifikator_noegle` (
	`id` integer PRIMARY KEY NOT NULL,
	`noegle` blob NOT NULL,
	CONSTRAINT "identifikator_noegle_en" CHECK("identifikator_noegle"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `slettet_identifikator` (
	`art` text NOT NULL,
	`hash` text NOT NULL,
	`laengde` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`art`, `hash`)
);
