"""The patient's FHIR data for a hook call: from prefetch, else fetched from the EHR's server.

Prefetch templates name what each service needs; the EHR may send it along
(prefetch) or leave osteon to fetch it from `fhirServer` with the access token
it gives (`fhirAuthorization`). When neither is possible the call is answered
412, as the specification asks. Everything gathered goes into one collection
Bundle for the assess stage, which reads it as `osteon assess` reads a patient's
Bundle (a clinician's note, a report's conclusion, an encounter's reasons included);
the resources of the keys cds.yaml marks strict are checked as FHIR R4 first (400).
Nothing is written to disk or to the logs.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Collection, Iterator
from typing import Any

import httpx
from fhir.resources.R4B import get_fhir_model_class as r4_model
from pydantic import ValidationError

from osteon.errors import OsteonError
from osteon.web.cds.models import HookRequest

FETCH_TIMEOUT_S = 5.0
_TEMPLATE = re.compile(r"\{\{\s*context\.(\w+)\s*\}\}")

Fetcher = Callable[[str, dict[str, str]], dict[str, Any]]


class MissingData(OsteonError):
    """The data a service needs came neither by prefetch nor from a FHIR server (412)."""


class BadRequest(OsteonError):
    """A request osteon cannot use (400, with an OperationOutcome)."""


def render(template: str, context: dict[str, Any]) -> str:
    """A prefetch template with its {{context.x}} tokens filled (URL-encoded)."""
    def fill(match: re.Match[str]) -> str:
        value = context.get(match.group(1))
        if value is None or isinstance(value, (dict, list)):
            raise MissingData(f"the hook context has no {match.group(1)!r} for prefetch")
        return urllib.parse.quote(str(value), safe="")

    return _TEMPLATE.sub(fill, template)


def gather(request: HookRequest, templates: dict[str, str],
           fetch: Fetcher | None = None, optional: Collection[str] = (),
           strict: Collection[str] = ()) -> dict[str, Any]:
    """Each template's resource or search Bundle, prefetched or fetched.

    A key in `optional` that was not sent and cannot be fetched (no fhirServer, or the
    fetch failed) is left out; any other is MissingData. Each resource a key in `strict`
    holds must be valid FHIR R4 (`check_r4`), else BadRequest.
    """
    prefetched = request.prefetch or {}
    for key, value in prefetched.items():
        if value is not None and not (isinstance(value, dict) and "resourceType" in value):
            raise BadRequest(f"prefetch {key!r} is not a FHIR resource")
    found: dict[str, Any] = {}
    for key, template in templates.items():
        if prefetched.get(key) is not None:
            found[key] = prefetched[key]
            continue
        if not request.fhirServer and key in optional:
            continue
        if not request.fhirServer:
            raise MissingData(f"no prefetch for {key!r} and no fhirServer to fetch it from")
        url = request.fhirServer.rstrip("/") + "/" + render(template, request.context)
        headers = {"Accept": "application/fhir+json"}
        if request.fhirAuthorization:
            auth = request.fhirAuthorization
            headers["Authorization"] = f"{auth.token_type or 'Bearer'} {auth.access_token}"
        try:
            found[key] = (fetch or http_fetch)(url, headers)
        except (httpx.HTTPError, ValueError) as exc:
            if key in optional:
                continue
            raise MissingData(f"could not fetch {key!r} from the FHIR server: "
                              f"{type(exc).__name__}") from exc
    for key in strict:
        if key in found:
            check_r4(key, found[key])
    return found


def check_r4(key: str, value: dict[str, Any]) -> None:
    """BadRequest naming the first resource of prefetch `key` that is not valid FHIR R4.

    The assess stage skips such a resource with a warning, which `osteon assess` shows
    but no card does: for a note or a report, what a clinician wrote would be lost in
    silence. The message names the key, the entry, its type, the field and pydantic's
    message, not the value the field holds (an OperationOutcome carries no patient data).
    A search's own OperationOutcome is not the patient's data and is passed over, as
    `as_bundle` passes it over.
    """
    for where, resource in _placed(value):
        kind = resource.get("resourceType")
        if not isinstance(kind, str):
            raise BadRequest(f"prefetch {key!r}{where} holds something that is not a FHIR "
                             "resource (no resourceType)")
        if kind == "OperationOutcome":
            continue
        try:
            model = r4_model(kind)
        except (KeyError, ValueError):
            raise BadRequest(f"prefetch {key!r}{where}: {kind!r} is not a FHIR R4 resource "
                             "type") from None
        try:
            model.model_validate(resource)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "resource"
            raise BadRequest(f"prefetch {key!r}{where}: this {kind} is not valid FHIR R4 "
                             f"({field}: {first['msg']})") from None


def _placed(value: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each resource of a prefetch value with where it sits ("" for the value itself)."""
    if value.get("resourceType") != "Bundle":
        yield "", value
        return
    entries = value.get("entry") or []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        inner = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(inner, dict):
            yield from ((f" entry[{index}]{where}", r) for where, r in _placed(inner))


def http_fetch(url: str, headers: dict[str, str]) -> dict[str, Any]:
    response = httpx.get(url, headers=headers, timeout=FETCH_TIMEOUT_S)
    response.raise_for_status()
    data = response.json()
    if not isinstance(data, dict):
        raise ValueError("not a FHIR resource")
    return data


def as_bundle(parts: dict[str, Any], extra: list[dict[str, Any]] | None = None
              ) -> dict[str, Any]:
    """One collection Bundle of every resource gathered (search Bundles flattened)."""
    entries: list[dict[str, Any]] = []
    for resource in [*parts.values(), *(extra or [])]:
        entries.extend({"resource": r} for r in _resources(resource))
    return {"resourceType": "Bundle", "type": "collection", "entry": entries}


def _resources(resource: Any) -> list[dict[str, Any]]:
    if not isinstance(resource, dict) or "resourceType" not in resource:
        raise BadRequest("prefetch holds something that is not a FHIR resource")
    if resource["resourceType"] == "Bundle":
        out = []
        for entry in resource.get("entry") or []:
            inner = entry.get("resource") if isinstance(entry, dict) else None
            if inner is not None:
                out.extend(_resources(inner))
        return out
    if resource["resourceType"] == "OperationOutcome":
        return []
    return [resource]


def prefetch_from_bundle(bundle: dict[str, Any], templates: dict[str, str]) -> dict[str, Any]:
    """A patient's Bundle cut into the prefetch the templates ask for (as an EHR would send it).

    A template naming one resource ("Patient/{{context.patientId}}") gets that resource;
    a search ("Condition?patient=...") gets a searchset Bundle of that type. For demo
    clients and tests; the service itself never needs it.
    """
    out: dict[str, Any] = {}
    for key, template in templates.items():
        kind = re.split(r"[/?]", template, maxsplit=1)[0]
        found = [e["resource"] for e in bundle.get("entry") or []
                 if isinstance(e, dict) and isinstance(e.get("resource"), dict)
                 and e["resource"].get("resourceType") == kind]
        if "?" in template:
            out[key] = {"resourceType": "Bundle", "type": "searchset",
                        "entry": [{"resource": r} for r in found]}
        elif found:
            out[key] = found[0]
    return out
