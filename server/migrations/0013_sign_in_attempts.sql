-- Each failed sign-in row is one attempt, told apart from the others: an attempt is
-- recorded before the throttle counts, and counts only the attempts besides its own
-- (so guesses sent at once count against each other, and a refused one takes itself back).
ALTER TABLE sign_in_failures ADD COLUMN attempt TEXT NOT NULL DEFAULT '';
