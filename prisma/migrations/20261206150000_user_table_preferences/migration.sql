-- Each user's list layouts (hidden columns, density) per table, loaded with the session.
ALTER TABLE "User" ADD COLUMN "tablePreferences" JSONB NOT NULL DEFAULT '{}';
