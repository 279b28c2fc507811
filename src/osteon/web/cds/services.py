"""The CDS services osteon offers, read from `data/web/cds.yaml`.

A new service (or a new hook) is a data entry: its id, title, description, the hook
it answers and the assessment sections that become its cards. What a hook assesses
is one function in `service.HOOKS`; an entry naming a hook with no function, or a
section the assessment does not have, is refused at load with the file and line.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from pydantic import Field

from osteon.assess.records import SECTIONS
from osteon.datafile_errors import line_of
from osteon.datafiles import Strict, load_model
from osteon.errors import DataFileError
from osteon.web.cds.models import ServiceDescription

FILE = ("web", "cds.yaml")


class ServiceEntry(Strict):
    """One service: what discovery shows, the hook it answers, the sections it cards."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    hook: str = Field(min_length=1)
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)
    sections: tuple[str, ...] = Field(min_length=1)


class CdsServices(Strict):
    """The whole cds.yaml."""

    prefetch: dict[str, str]
    optional_prefetch: dict[str, str] = {}
    """Prefetch keys a call is assessed without when they cannot be had, each with the line
    its answer then says (what was not checked)."""
    strict_prefetch: tuple[str, ...] = ()
    """Prefetch keys whose every resource must be valid FHIR R4 (else 400): free text a
    clinician wrote, which the assessment would skip, unseen on any card, when invalid."""
    services: tuple[ServiceEntry, ...] = Field(min_length=1)

    def description(self, entry: ServiceEntry) -> ServiceDescription:
        """The service's entry in the discovery document."""
        return ServiceDescription(hook=entry.hook, id=entry.id, title=entry.title,
                                  description=entry.description, prefetch=self.prefetch)


@cache
def cds_services(hooks: Collection[str]) -> CdsServices:
    """The packaged services, each checked against `hooks` and the sections."""
    return check_services(load_model(CdsServices, *FILE), hooks, "/".join(("data", *FILE)))


def check_services(config: CdsServices, hooks: Collection[str], name: str) -> CdsServices:
    """`config` if every service has a hook in `hooks`, known sections and its own id.

    Every key `optional_prefetch` or `strict_prefetch` names must be a prefetch key.
    """
    placed = [*((("optional_prefetch", key), key) for key in config.optional_prefetch),
              *((("strict_prefetch", i), key) for i, key in enumerate(config.strict_prefetch))]
    for path, key in placed:  # (where in the file, the key named there)
        if key not in config.prefetch:
            raise DataFileError(name, f"{path[0]}.{key}",
                                f"{key!r} is not a prefetch key ({', '.join(config.prefetch)})",
                                line=line_of(name, path))
    seen: set[str] = set()
    for i, entry in enumerate(config.services):
        problem = None
        if entry.id in seen:
            problem, key = f"service id {entry.id!r} is used twice", "id"
        elif entry.hook not in hooks:
            problem, key = (f"no function answers hook {entry.hook!r} (service.HOOKS has "
                            f"{', '.join(sorted(hooks))})", "hook")
        else:
            unknown = [s for s in entry.sections if s not in SECTIONS]
            if unknown:
                problem, key = (f"unknown section {unknown[0]!r}; choose from "
                                f"{', '.join(SECTIONS)}", "sections")
        if problem:
            raise DataFileError(name, f"service {entry.id!r} (services.{i}.{key})", problem,
                                line=line_of(name, ("services", i, key)))
        seen.add(entry.id)
    return config
