ALTER TABLE `skabelon` ADD `kilde_uid` text;--> statement-breakpoint
CREATE UNIQUE INDEX `skabelon_kilde_uid_uq` ON `skabelon` (`kilde_uid`);--> statement-breakpoint
ALTER TABLE `tilsyn` ADD `kilde_uid` text;--> statement-breakpoint
ALTER TABLE `tilsyn` ADD `kilde_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `tilsyn_kilde_uid_uq` ON `tilsyn` (`kilde_uid`);