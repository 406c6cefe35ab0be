"""Suggestions: routing targets, canned responses (macros), knowledge-base articles and chatbot
answers, from a ticket's processed text and predictions plus content files ops people edit
(`data/kb/`, `data/macros/`, `data/routing.yaml`)."""
