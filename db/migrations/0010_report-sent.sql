CREATE TABLE `udvalg_afsendelse` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tilsyn_id` integer NOT NULL,
	`dato` text NOT NULL,
	`hvem` text NOT NULL,
	`registreret` text NOT NULL,
	`filnavn` text NOT NULL,
	`sha256` text NOT NULL,
	`pdf` blob NOT NULL,
	`gaeldende` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `udvalg_afsendelse_tilsyn_idx` ON `udvalg_afsendelse` (`tilsyn_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `udvalg_afsendelse_gaeldende_uq` ON `udvalg_afsendelse` (`tilsyn_id`) WHERE gaeldende = 1;--> statement-breakpoint
ALTER TABLE `maal_vurdering` ADD `plan_status` text DEFAULT 'aaben' NOT NULL;--> statement-breakpoint
-- What the committee received does not change: only whether it is the current sending may.
CREATE TRIGGER `udvalg_afsendelse_frozen`
BEFORE UPDATE OF `pdf`, `sha256`, `dato`, `hvem`, `registreret`, `filnavn`, `tilsyn_id` ON `udvalg_afsendelse`
BEGIN
  SELECT RAISE(ABORT, 'a sent committee report is frozen');
END;
