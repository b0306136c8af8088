"""`qda consensus`: settle every disagreement of an agreement test between two coders with one
decision (keep the first coder's version, the second's, both or neither), for a consensus
coder or one of the two. One command in the change log, undoable as a whole; `--dry-run`
lists the disagreements and changes nothing."""

from __future__ import annotations

import argparse
from typing import Any

from ..core.errors import ValidationError
from ..core.i18n import tr
from .agreement_command import _coder_id, _document_id, _names, disagreement_lines
from .project_commands import open_project

DECISIONS = {"keep-first": "first", "keep-second": "second", "both": "both", "neither": "neither"}


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "consensus",
        help="after an agreement test: apply one decision to every disagreement of two coders",
    )
    parser.add_argument("file")
    parser.add_argument("--coders", required=True, help="the two compared coders: A,B")
    parser.add_argument(
        "--decision",
        required=True,
        choices=tuple(DECISIONS),
        help="keep the first coder's version, the second's, both or neither",
    )
    parser.add_argument(
        "--into",
        metavar="NAME",
        help="the coder who receives the result: one of the two (corrected in place) or a "
        "new consensus coder, who also receives the agreed places (default: Konsens/Consensus)",
    )
    parser.add_argument(
        "--overlap", type=float, default=0.9, help="minimum overlap of the agreement test (0.9)"
    )
    parser.add_argument(
        "--documents",
        action="append",
        default=[],
        help="only these documents (titles or ids, comma-separated; default: all coded by both)",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="only list the disagreements; change nothing"
    )
    parser.set_defaults(handler=cmd_consensus)


def cmd_consensus(args: argparse.Namespace) -> int:
    from ..core.analysis.agreement import AgreementOptions, intercoder_agreement
    from ..core.services.coder_passes import ConsensusDecision

    names = _names(args.coders)
    if len(names) != 2:
        raise ValidationError("agreement.consensus_two_coders")
    choice = DECISIONS[args.decision]
    target = (args.into or "").strip() or tr("gui.consensus.new_coder")
    with open_project(args) as project:
        options = AgreementOptions(
            coder_ids=tuple(_coder_id(project, n) for n in names),
            level="segment",
            overlap=args.overlap,
            document_ids=tuple(
                _document_id(project, n) for value in args.documents for n in _names(value)
            ),
        )
        result = intercoder_agreement(project, options)
        first, second = (c.name for c in result.coders)
        decision = tr(f"agreement.consensus.{choice}", first=first, second=second)
        count = len(result.disagreements)
        if args.dry_run or not count:
            print("\n".join(disagreement_lines(result)))
            if count:
                print(
                    tr("agreement.consensus.would", decision=decision, count=count, target=target)
                )
            return 0
        decisions = [ConsensusDecision.choose(d.segments, choice) for d in result.disagreements]
        compared = {first.casefold(), second.casefold()}
        agreed = () if target.casefold() in compared else result.agreed_coding_ids
        changed = project.coder_passes.apply_consensus(target, decisions, agreed)
    print(
        tr(
            "agreement.consensus.done",
            decision=decision,
            count=count,
            target=target,
            changed=changed,
        )
    )
    return 0
