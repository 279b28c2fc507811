"""CDS Hooks 2.0 request and response shapes (pydantic), as the specification names them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class FhirAuthorization(BaseModel):
    """The EHR's access token for its FHIR server (used only to fetch, never stored)."""

    model_config = ConfigDict(extra="allow")
    access_token: str
    token_type: str = "Bearer"
    expires_in: int | None = None
    scope: str | None = None
    subject: str | None = None


class HookRequest(BaseModel):
    """A hook call: which hook, its context, and the data the EHR sent or lets us fetch."""

    model_config = ConfigDict(extra="allow")
    hook: str
    hookInstance: str  # noqa: N815 - the specification's name
    fhirServer: str | None = None  # noqa: N815
    fhirAuthorization: FhirAuthorization | None = None  # noqa: N815
    context: dict[str, Any] = Field(default_factory=dict)
    prefetch: dict[str, Any] | None = None


class Source(BaseModel):
    label: str
    url: str | None = None
    topic: dict[str, Any] | None = None


class Link(BaseModel):
    label: str
    url: str
    type: Literal["absolute", "smart"] = "absolute"


class Action(BaseModel):
    type: Literal["create", "update", "delete"]
    description: str
    resource: dict[str, Any] | None = None


class Suggestion(BaseModel):
    label: str
    uuid: str
    isRecommended: bool | None = None  # noqa: N815
    actions: list[Action] = Field(default_factory=list)


class Card(BaseModel):
    """One card. `summary` stays under 140 characters; `uuid` lets feedback come back."""

    uuid: str
    summary: str = Field(max_length=140)
    detail: str | None = None
    indicator: Literal["info", "warning", "critical"]
    source: Source
    suggestions: list[Suggestion] = Field(default_factory=list)
    selectionBehavior: Literal["at-most-one", "any"] | None = None  # noqa: N815
    links: list[Link] = Field(default_factory=list)


class HookResponse(BaseModel):
    cards: list[Card] = Field(default_factory=list)
    systemActions: list[Action] = Field(default_factory=list)  # noqa: N815
    extension: dict[str, Any] | None = None
    """Named extension properties (CDS Hooks 2.0): what the service adds beside the cards."""


class ServiceDescription(BaseModel):
    """An entry of the discovery document."""

    hook: str
    id: str
    title: str
    description: str
    prefetch: dict[str, str] = Field(default_factory=dict)
    usageRequirements: str | None = None  # noqa: N815


class FeedbackOutcome(BaseModel):
    model_config = ConfigDict(extra="allow")
    card: str
    outcome: Literal["accepted", "overridden"]
    outcomeTimestamp: str  # noqa: N815
    acceptedSuggestions: list[dict[str, Any]] = Field(default_factory=list)  # noqa: N815
    overrideReason: dict[str, Any] | None = None  # noqa: N815


class Feedback(BaseModel):
    feedback: list[FeedbackOutcome]
