ALTER TABLE `anden_gennemgang` ADD `token` text;--> statement-breakpoint
ALTER TABLE `anden_gennemgang` ADD `svar_oprettet` text;--> statement-breakpoint
CREATE UNIQUE INDEX `anden_gennemgang_token_unique` ON `anden_gennemgang` (`token`);--> statement-breakpoint
ALTER TABLE `selvevaluering` ADD `rolle` text DEFAULT 'sagsbehandler' NOT NULL;