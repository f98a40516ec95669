-- Issue 16: gateway conditions can carry a date they are due by, so a condition past due is
-- reminded like a risk action past due. Existing conditions have none (they stay "open" reminders).
ALTER TABLE tracked_condition ADD COLUMN due_on date;
