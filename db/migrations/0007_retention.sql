CREATE TABLE `resultat_snapshot` (
	`tilsyn_id` integer PRIMARY KEY NOT NULL,
	`resultater` text NOT NULL,
	`gemt` text NOT NULL,
	`slettet_af` text NOT NULL,
	`gennemgaaet_fra` text,
	`gennemgaaet_til` text,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- A tilsyn whose case-level data was deleted stays afsluttet: there is nothing left to review, and its results are
-- the stored snapshot. (The API refuses first with a Danish message; this is the safety net.)
CREATE TRIGGER `tilsyn_slettet_forbliver_afsluttet`
BEFORE UPDATE OF `status` ON `tilsyn`
WHEN OLD.`status` = 'afsluttet' AND NEW.`status` <> 'afsluttet'
  AND EXISTS (SELECT 1 FROM `resultat_snapshot` WHERE `tilsyn_id` = OLD.`id`)
BEGIN
  SELECT RAISE(ABORT, 'case-level data deleted: tilsyn stays afsluttet');
END;
