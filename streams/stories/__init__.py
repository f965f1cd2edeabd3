"""Stories: articles about one real-world event, from every outlet, grouped online.

Pure code over enriched events (plain dicts that follow ``news.articles.enriched``): no Faust,
no broker. The story agent keeps the records in a Faust table and calls
``streams.stories.engine.StoryEngine``; ``policy.StoryPolicy`` holds the thresholds.
"""
