CREATE TABLE `tilsyn_synk` (
	`tilsyn_id` integer PRIMARY KEY NOT NULL,
	`uid` text NOT NULL,
	`lokal` text NOT NULL,
	`basis` text NOT NULL,
	`historik` text NOT NULL,
	FOREIGN KEY (`tilsyn_id`) REFERENCES `tilsyn`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tilsyn_synk_uid_unique` ON `tilsyn_synk` (`uid`);