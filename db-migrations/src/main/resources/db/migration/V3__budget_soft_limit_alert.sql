-- When the soft limit of a budget was last reported, so every router instance warns once per period.
ALTER TABLE budgets ADD COLUMN soft_alerted_at timestamptz;
