"""Routing: rank the queues of the routing table for a ticket from its predicted topic, tier and
language, blended with a learned queue head when the model has one, with a readable reason."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from triage.domain import Prediction, RoutingTarget
from triage.suggest.content import BusinessHours, Queue

LANGUAGE_NAMES = {"en": "English", "nl": "Dutch", "ro": "Romanian", "de": "German", "fr": "French"}
CATCH_ALL_FIT = 0.15
"""Topic fit of a queue that lists no topics."""
OTHER_LANGUAGE_FIT = 0.5
"""A queue that does not work in the ticket's language, but in English."""
NO_LANGUAGE_FIT = 0.2
LEARNED_WEIGHT = 0.5
"""Share of the learned queue head in the score when the model has one."""
CLOSED_FACTOR = 0.9
MAX_TARGETS = 3


def probabilities(prediction: Prediction | None) -> dict[str, float]:
    """Label -> probability from a prediction and its runners-up."""
    if prediction is None:
        return {}
    probs = {a.label: a.confidence for a in prediction.alternatives}
    probs[prediction.label] = prediction.confidence
    return probs


def is_open(hours: BusinessHours, when: datetime) -> bool:
    """Whether the queue works at `when`; a time the zone cannot express (near year 1 or 9999,
    which validation refuses for tickets) counts as open rather than failing the call."""
    try:
        local = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(
            ZoneInfo(hours.timezone)
        )
    except OverflowError:
        return True
    return local.weekday() in hours.days and hours.start <= local.time() < hours.end


def decided(prediction: Prediction | None) -> dict[str, float]:
    """Label -> weight to route by: the model's probabilities, or, when a consistency rule
    imposed a label the model did not rank first, that label alone (the response states it)."""
    probs = probabilities(prediction)
    if prediction is not None and probs and prediction.confidence < max(probs.values()):
        return {prediction.label: 1.0}
    return probs


class Router:
    def __init__(self, queues: Sequence[Queue]) -> None:
        self.queues = tuple(queues)
        self._holders: dict[tuple[str, str], tuple[str, ...]] = {}
        """(group, language) -> the queues a learned `group` label goes to for a ticket in
        `language`: those that stand for the group and work in the language, else the English
        ones, else all (a group label says nothing about language)."""
        for group in {g for q in self.queues for g in q.groups}:
            holders = [q for q in self.queues if group in q.groups]
            for lang in {lang for q in self.queues for lang in q.languages}:
                fit = [q for q in holders if lang in q.languages] or [
                    q for q in holders if "en" in q.languages
                ]
                self._holders[(group, lang)] = tuple(q.name for q in fit or holders)

    def learned_share(
        self, queue: Queue, learned: Mapping[str, float], language: str
    ) -> tuple[float, str]:
        """The queue model's probability for `queue` on a ticket in `language`, and the reason
        text saying so (with where a group's probability went instead, when not here)."""
        own, elsewhere = 0.0, []
        for group in queue.groups:
            p = learned.get(group, 0.0)
            holders = self._group_holders(queue, group, language)
            if queue.name in holders:
                own += p
            elif p >= 0.005:
                elsewhere.append(f"{group} {p:.2f} goes to {'/'.join(holders)}")
        reason = f"queue model {min(own, 1.0):.2f}"
        if elsewhere:
            reason += f" ({', '.join(elsewhere)})"
        return min(own, 1.0), reason

    def _group_holders(self, queue: Queue, group: str, language: str) -> tuple[str, ...]:
        return (
            self._holders.get((group, language))
            or self._holders.get((group, "en"))
            or (queue.name,)
        )

    def route(
        self,
        predictions: Mapping[str, Prediction],
        language: str,
        when: datetime | None = None,
        limit: int = MAX_TARGETS,
    ) -> list[RoutingTarget]:
        """Ranked queues; every reason describes the values the response carries (the final
        topic and tier, the queue model's probability for that very queue). Every queue is
        scored, and the reasons are written for the `limit` best only."""
        topics = probabilities(predictions.get("topic"))
        learned = probabilities(predictions.get("queue"))
        if not topics and not learned:
            return []
        tiers = decided(predictions.get("tier"))
        scored = []
        for q in self.queues:
            score = self._score(q, topics, tiers, learned, language, when)
            if score > 0:
                scored.append((score, q.name, q))
        scored.sort(key=lambda s: (-s[0], s[1]))
        return [
            RoutingTarget(name, round(score, 6), self._reason(q, predictions, language, when))
            for score, name, q in scored[:limit]
        ]

    def _score(
        self,
        q: Queue,
        topics: Mapping[str, float],
        tiers: Mapping[str, float],
        learned: Mapping[str, float],
        language: str,
        when: datetime | None,
    ) -> float:
        topic_fit = _topic_fit(q, topics)
        tier_fit = sum(tiers.get(t, 0.0) for t in q.tiers) if q.tiers and tiers else 1.0
        if language in q.languages:
            lang_fit = 1.0
        else:
            lang_fit = OTHER_LANGUAGE_FIT if "en" in q.languages else NO_LANGUAGE_FIT
        score = min(topic_fit, 1.0) * tier_fit
        if learned:
            own = sum(
                learned.get(group, 0.0)
                for group in q.groups
                if q.name in self._group_holders(q, group, language)
            )
            score = (1 - LEARNED_WEIGHT) * score + LEARNED_WEIGHT * min(own, 1.0)
        score *= lang_fit
        if when is not None and q.hours is not None and not is_open(q.hours, when):
            score *= CLOSED_FACTOR
        return score

    def _reason(
        self,
        q: Queue,
        predictions: Mapping[str, Prediction],
        language: str,
        when: datetime | None,
    ) -> str:
        topic, tier = predictions.get("topic"), predictions.get("tier")
        learned = probabilities(predictions.get("queue"))
        reasons = []
        if topic is not None and topic.label in q.topics:
            reasons.append(f"handles {topic.label}")
        elif topic is not None and not q.topics:
            reasons.append("catch-all queue")
        elif _topic_fit(q, probabilities(topic)) > 0:
            reasons.append("handles a likely alternative topic")
        if tier is not None and q.tiers:
            reasons.append(
                f"at tier {tier.label}"
                if tier.label in q.tiers
                else f"tiers {'/'.join(q.tiers)}, not {tier.label}"
            )
        if learned:
            reasons.append(self.learned_share(q, learned, language)[1])
        lang_name = LANGUAGE_NAMES.get(language, language)
        if language in q.languages:
            reasons.append(f"works in {lang_name}")
        elif "en" in q.languages:
            reasons.append(f"does not work in {lang_name}, works in English")
        else:
            reasons.append(f"does not work in {lang_name}")
        if when is not None and q.hours is not None and not is_open(q.hours, when):
            reasons.append(
                f"closed at that time (open {q.hours.start:%H:%M}-{q.hours.end:%H:%M} "
                f"{q.hours.timezone})"
            )
        return "; ".join(reasons)


def _topic_fit(q: Queue, topics: Mapping[str, float]) -> float:
    return sum(topics.get(t, 0.0) for t in q.topics) if q.topics else CATCH_ALL_FIT
