"""The abuse check's model: features, shipped weights, moderators' lessons shared in Redis."""
