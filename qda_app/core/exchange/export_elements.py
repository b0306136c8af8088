"""The parts of an exported project.qde that are built in memory: users, codebook, variables,
cases, sets, and the elements of one source's variable values."""

from __future__ import annotations

from collections import defaultdict

from lxml import etree

from ..values import CategoryInfo
from .category_text import compose
from .export_data import ExportData, value_text
from .refi_format import PROJECT_NS, VALUE_ELEMENT, VARIABLE_TYPE_TO_REFI, label, qname, xml_text
from .xml_strings import text


def sub(
    parent: etree._Element, local: str, namespace: str = PROJECT_NS, **attrib: str
) -> etree._Element:
    return etree.SubElement(parent, qname(local, namespace), attrib)


def element(local: str, namespace: str = PROJECT_NS, **attrib: str) -> etree._Element:
    """A new element that declares its namespace as the default one (written on its own
    into a streamed file, it then reads like the rest of the file)."""
    return etree.Element(qname(local, namespace), attrib, nsmap={None: namespace})


def users_element(data: ExportData) -> etree._Element | None:
    if not data.coders:
        return None
    users = element("Users")
    for coder in data.coders:
        sub(users, "User", guid=data.guids("user", coder.id), name=xml_text(coder.name))
    return users


def code_elements(data: ExportData, namespace: str) -> list[etree._Element]:
    """The category tree as nested Code elements (definition, rules, anchors in Description)."""
    children: dict[int | None, list[CategoryInfo]] = defaultdict(list)
    for category in data.categories:
        children[category.parent_id].append(category)

    def build(category: CategoryInfo) -> etree._Element:
        code = element(
            "Code",
            namespace,
            guid=data.guids("code", category.id),
            name=xml_text(category.name),
            isCodable="true" if category.codable else "false",
            color=category.colour.upper(),
        )
        anchors = [
            data.anchor_texts[c]
            for c in data.anchors.get(category.id, ())
            if c in data.anchor_texts
        ]
        description = sub(code, "Description", namespace)
        description.text = xml_text(compose(category, anchors, data.language))
        for child in children.get(category.id, []):
            code.append(build(child))
        return code

    return [build(top) for top in children.get(None, [])]


def codebook_element(data: ExportData) -> etree._Element | None:
    codes = code_elements(data, PROJECT_NS)
    if not codes:
        return None
    book = element("CodeBook")
    holder = sub(book, "Codes")
    holder.extend(codes)
    return book


def variables_element(data: ExportData) -> etree._Element | None:
    if not data.variables:
        return None
    variables = element("Variables")
    for variable in data.variables:
        sub(
            variables,
            "Variable",
            guid=data.guids("variable", variable.key),
            name=xml_text(variable.name),
            typeOfVariable=VARIABLE_TYPE_TO_REFI[variable.type],
        )
    return variables


def values_xml(data: ExportData, document_id: int) -> str:
    """A source's VariableValue elements (document fields and the project's variables)."""
    values = data.values.get(document_id, {})
    parts = []
    for variable in data.variables:
        if variable.key not in values:
            continue
        value_element = VALUE_ELEMENT[VARIABLE_TYPE_TO_REFI[variable.type]]
        value = text(value_text(values[variable.key], variable.type))
        reference = data.guids("variable", variable.key)
        parts.append(
            f'\n<VariableValue><VariableRef targetGUID="{reference}"/>'
            f"<{value_element}>{value}</{value_element}></VariableValue>"
        )
    return "".join(parts)


def cases_element(data: ExportData) -> etree._Element | None:
    """Each quarter as a Case holding the documents of it and of the quarters below it."""
    if not data.quarters:
        return None
    labels = data.quarter_labels()
    held = data.documents_in_quarter()
    cases = element("Cases")
    for quarter in data.quarters:
        case = sub(
            cases, "Case", guid=data.guids("case", quarter.id), name=xml_text(labels[quarter.id])
        )
        description = sub(case, "Description")
        description.text = (
            f"{label('case.kind', data.language)} {label('kind.' + quarter.kind, data.language)}"
        )
        for document_id in held.get(quarter.id, []):
            sub(case, "SourceRef", targetGUID=data.guids("source", document_id))
    return cases


def sets_element(data: ExportData) -> etree._Element | None:
    """Each data-collection method as a Set of its documents."""
    members: dict[int, list[int]] = defaultdict(list)
    for document in data.documents:
        if document.method_id is not None:
            members[document.method_id].append(document.id)
    if not data.methods:
        return None
    sets = element("Sets")
    for method in data.methods:
        group = sub(sets, "Set", guid=data.guids("set", method.id), name=xml_text(method.name))
        description = sub(group, "Description")
        description.text = f"{label('set.method', data.language)} [{method.code}]"
        for document_id in members.get(method.id, []):
            sub(group, "MemberSource", targetGUID=data.guids("source", document_id))
    return sets
