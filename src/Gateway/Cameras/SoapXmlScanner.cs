using System.Buffers;
using System.Globalization;
using System.Text;

namespace AfterSales.Gateway.Cameras;

/// <summary>
/// A forward-only reader of the XML in a device's SOAP answer: elements with their namespace URI, and text.
/// It checks what <c>XmlReader</c> would for such an answer — tags nest and match, one root, namespace prefixes
/// declared, the five predefined entities and character references only, no control characters — and refuses any
/// DTD, so a hostile device cannot make the gateway expand entities. Like <c>XmlReader</c> it reads only as far as it
/// is asked to. Pure; a malformed document throws <see cref="FormatException"/> with the reason.
/// </summary>
/// <remarks>
/// Written for the board's memory (docs/benchmarks.md, "Memory, third pass"): <c>System.Private.Xml</c> costs the JIT
/// build about a megabyte resident for reading six numbers out of each camera's answer.
/// </remarks>
internal sealed class SoapXmlScanner
{
    public const int MaxCharacters = 256 * 1024;
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private static readonly SearchValues<char> NotInDeclarationValues = SearchValues.Create("<>&]\t\r\n");

    private readonly string _xml;
    private readonly List<OpenElement> _open = [];
    private int _at;
    private bool _rootSeen;
    private bool _pendingEnd;

    public SoapXmlScanner(string xml)
    {
        _xml = xml;
        if (xml.Length > MaxCharacters)
        {
            throw new FormatException($"the document is longer than {MaxCharacters} characters");
        }
    }

    public enum Node
    {
        StartElement,
        EndElement,
        Text,
    }

    public Node Kind { get; private set; }

    /// <summary>0 for the root element; text inside an element has that element's depth + 1.</summary>
    public int Depth { get; private set; }

    public string LocalName { get; private set; } = string.Empty;

    public string NamespaceUri { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    /// <summary>The next node, or false at the end of a well-formed document.</summary>
    public bool Read()
    {
        if (_pendingEnd)
        {
            _pendingEnd = false;
            var element = _open[^1];
            _open.RemoveAt(_open.Count - 1);
            SetElement(Node.EndElement, element);
            return true;
        }

        while (_at < _xml.Length)
        {
            if (_xml[_at] != '<')
            {
                var text = ReadText();
                if (_open.Count > 0)
                {
                    Kind = Node.Text;
                    Depth = _open.Count;
                    Text = text;
                    return true;
                }

                if (!string.IsNullOrWhiteSpace(text))
                {
                    throw new FormatException("text outside the root element");
                }

                continue;
            }

            if (_xml.AsSpan(_at).StartsWith("<?", StringComparison.Ordinal))
            {
                SkipProcessingInstruction();
                continue;
            }

            if (_xml.AsSpan(_at).StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = IndexOf("--", _at + 4, "a comment");
                if (end + 2 >= _xml.Length || _xml[end + 2] != '>')
                {
                    throw new FormatException("'--' inside a comment");
                }

                CheckCharacters(_xml.AsSpan(_at + 4, end - _at - 4));
                _at = end + 3;
                continue;
            }

            if (_xml.AsSpan(_at).StartsWith("<![CDATA[", StringComparison.Ordinal))
            {
                var end = IndexOf("]]>", _at + 9, "CDATA section");
                var text = _xml[(_at + 9)..end];
                _at = end + 3;
                if (_open.Count == 0)
                {
                    throw new FormatException("CDATA outside the root element");
                }

                CheckCharacters(text);
                Kind = Node.Text;
                Depth = _open.Count;
                Text = text;
                return true;
            }

            if (_xml.AsSpan(_at).StartsWith("<!", StringComparison.Ordinal))
            {
                throw new FormatException("a DTD or declaration, which is prohibited");
            }

            if (_xml.AsSpan(_at).StartsWith("</", StringComparison.Ordinal))
            {
                return ReadEndTag();
            }

            ReadStartTag();
            return true;
        }

        if (_open.Count > 0)
        {
            throw new FormatException($"the document ends inside <{_open[^1].QualifiedName}>");
        }

        return _rootSeen ? false : throw new FormatException("no root element");
    }

    private void ReadStartTag()
    {
        if (_open.Count == 0 && _rootSeen)
        {
            throw new FormatException("a second root element");
        }

        _at++;
        var name = ReadName();
        var attributes = new List<(string Name, string Value)>();
        while (true)
        {
            var spaced = SkipWhitespace();
            if (_at >= _xml.Length)
            {
                throw new FormatException($"the document ends inside the tag <{name}");
            }

            if (_xml[_at] == '>' || _xml.AsSpan(_at).StartsWith("/>", StringComparison.Ordinal))
            {
                break;
            }

            if (!spaced)
            {
                throw new FormatException($"no space before an attribute of <{name}>");
            }

            var attribute = ReadName();
            SkipWhitespace();
            Expect('=', $"'=' after the attribute {attribute}");
            SkipWhitespace();
            var value = ReadQuoted(attribute);
            if (attributes.Exists(a => a.Name == attribute))
            {
                throw new FormatException($"the attribute {attribute} twice in <{name}>");
            }

            attributes.Add((attribute, value));
        }

        var selfClosing = _xml[_at] == '/';
        _at += selfClosing ? 2 : 1;

        var scope = _open.Count > 0 ? _open[^1].Namespaces : Namespaces.Root;
        foreach (var (attribute, value) in attributes)
        {
            if (attribute == "xmlns")
            {
                scope = scope.With(string.Empty, value);
            }
            else if (attribute.StartsWith("xmlns:", StringComparison.Ordinal))
            {
                scope = value.Length > 0 ? scope.With(attribute[6..], value) : throw new FormatException($"{attribute} declares an empty namespace");
            }
        }

        foreach (var (attribute, _) in attributes)
        {
            var attributeColon = attribute.IndexOf(':', StringComparison.Ordinal);
            if (attributeColon > 0 && attribute[..attributeColon] is var attributePrefix && attributePrefix != "xmlns" && scope.Find(attributePrefix) is null)
            {
                throw new FormatException($"the prefix '{attributePrefix}' of the attribute {attribute} is not declared");
            }
        }

        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? string.Empty : name[..colon];
        var uri = scope.Find(prefix) ?? throw new FormatException($"the prefix '{prefix}' of <{name}> is not declared");
        var element = new OpenElement(name, colon < 0 ? name : name[(colon + 1)..], uri, scope);
        _open.Add(element);
        _rootSeen = true;
        SetElement(Node.StartElement, element);
        _pendingEnd = selfClosing;
    }

    private bool ReadEndTag()
    {
        _at += 2;
        var name = ReadName();
        SkipWhitespace();
        Expect('>', $"'>' closing </{name}");
        if (_open.Count == 0 || _open[^1].QualifiedName != name)
        {
            throw new FormatException(_open.Count == 0 ? $"</{name}> closes nothing" : $"</{name}> closes <{_open[^1].QualifiedName}>");
        }

        var element = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        SetElement(Node.EndElement, element);
        return true;
    }

    private void SetElement(Node kind, OpenElement element)
    {
        Kind = kind;
        Depth = _open.Count - (kind == Node.StartElement ? 1 : 0);
        LocalName = element.LocalName;
        NamespaceUri = element.NamespaceUri;
        Text = string.Empty;
    }

    private string ReadText()
    {
        var end = _xml.IndexOf('<', _at);
        end = end < 0 ? _xml.Length : end;
        if (_xml.AsSpan(_at, end - _at).Contains("]]>", StringComparison.Ordinal))
        {
            throw new FormatException("']]>' in text");
        }

        var text = Decode(_xml.AsSpan(_at, end - _at));
        _at = end;
        return text;
    }

    private string ReadQuoted(string attribute)
    {
        if (_at >= _xml.Length || _xml[_at] is not ('"' or '\''))
        {
            throw new FormatException($"the value of {attribute} is not quoted");
        }

        var quote = _xml[_at];
        var end = IndexOf(quote.ToString(), _at + 1, $"the value of {attribute}");
        var raw = _xml.AsSpan(_at + 1, end - _at - 1);
        if (raw.Contains('<'))
        {
            throw new FormatException($"'<' in the value of {attribute}");
        }

        _at = end + 1;
        return Decode(raw);
    }

    /// <summary>A name, with at most one ':' between a prefix and a local part, each starting with a letter or '_'.</summary>
    private string ReadName()
    {
        var start = _at;
        var partStart = _at;
        var colons = 0;
        while (_at < _xml.Length)
        {
            var c = _xml[_at];
            if (c == ':')
            {
                colons++;
                partStart = _at + 1;
            }
            else if (!(char.IsLetter(c) || c == '_' || (_at > partStart && (char.IsDigit(c) || c is '-' or '.' || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))))
            {
                if (_at == partStart && (char.IsDigit(c) || c is '-' or '.'))
                {
                    throw new FormatException($"a name that begins with '{Shown(c)}'");
                }

                break;
            }

            _at++;
        }

        if (_at == start)
        {
            throw new FormatException(_at < _xml.Length ? $"'{Shown(_xml[_at])}' where a name was expected" : "the document ends where a name was expected");
        }

        var name = _xml[start.._at];
        if (colons > 1 || name[0] == ':' || name[^1] == ':')
        {
            throw new FormatException($"the name '{name}', whose ':' is misplaced");
        }

        return name;
    }

    private bool SkipWhitespace()
    {
        var start = _at;
        while (_at < _xml.Length && _xml[_at] is ' ' or '\t' or '\r' or '\n')
        {
            _at++;
        }

        return _at > start;
    }

    private void Expect(char c, string what)
    {
        if (_at >= _xml.Length || _xml[_at] != c)
        {
            throw new FormatException($"expected {what}");
        }

        _at++;
    }

    /// <summary>The XML declaration (only at the very start, and checked as XmlReader checks it) or another processing instruction.</summary>
    private void SkipProcessingInstruction()
    {
        var start = _at;
        _at += 2;
        var target = ReadName();
        if (target.Contains(':', StringComparison.Ordinal))
        {
            throw new FormatException($"the processing instruction <?{target}> has a ':' in its name");
        }

        if (_at < _xml.Length && !char.IsWhiteSpace(_xml[_at]) && !_xml.AsSpan(_at).StartsWith("?>", StringComparison.Ordinal))
        {
            throw new FormatException($"'{Shown(_xml[_at])}' in the name of the processing instruction <?{target}");
        }

        if (!target.Equals("xml", StringComparison.OrdinalIgnoreCase))
        {
            var end = IndexOf("?>", _at, $"<?{target}");
            CheckCharacters(_xml.AsSpan(_at, end - _at));
            _at = end + 2;
            return;
        }

        if (target != "xml" || start != 0)
        {
            throw new FormatException(start != 0 ? "an XML declaration that is not at the start" : $"<?{target}>, a reserved name");
        }

        string[] pseudo = ["version", "encoding", "standalone"];
        var next = 0;
        while (true)
        {
            var spaced = SkipWhitespace();
            if (_xml.AsSpan(_at).StartsWith("?>", StringComparison.Ordinal))
            {
                break;
            }

            var name = spaced ? ReadName() : throw new FormatException("invalid syntax in the XML declaration");
            var index = Array.IndexOf(pseudo, name, next);
            if (index < 0 || (next == 0 && index != 0))
            {
                throw new FormatException($"'{name}' in the XML declaration");
            }

            SkipWhitespace();
            Expect('=', $"'=' after {name} in the XML declaration");
            SkipWhitespace();
            var value = ReadQuoted(name);
            // As XmlReader reads them: version 1.0 (what follows a non-digit is ignored), any encoding name (the answer is
            // already text, decoded by the HTTP reader), standalone yes or no; no markup or line breaks inside a value.
            var valid = value.AsSpan().IndexOfAny(NotInDeclarationValues) < 0 && index switch
            {
                0 => value.StartsWith("1.0", StringComparison.Ordinal) && (value.Length == 3 || !char.IsAsciiDigit(value[3])),
                1 => value.Length > 0,
                _ => value is "yes" or "no",
            };
            if (!valid)
            {
                throw new FormatException($"{name} '{value}' in the XML declaration");
            }

            next = index + 1;
        }

        if (next == 0)
        {
            throw new FormatException("an XML declaration without a version");
        }

        _at += 2;
    }

    private int IndexOf(string close, int from, string what)
    {
        var end = _xml.IndexOf(close, from, StringComparison.Ordinal);
        return end >= 0 ? end : throw new FormatException($"the document ends inside {what}");
    }

    /// <summary>Text with its entity and character references replaced; anything else after '&amp;' is refused.</summary>
    private static string Decode(ReadOnlySpan<char> raw)
    {
        CheckCharacters(raw);
        if (!raw.Contains('&'))
        {
            return raw.ToString();
        }

        var text = new StringBuilder(raw.Length);
        while (!raw.IsEmpty)
        {
            var amp = raw.IndexOf('&');
            if (amp < 0)
            {
                text.Append(raw);
                break;
            }

            text.Append(raw[..amp]);
            raw = raw[(amp + 1)..];
            var semicolon = raw.IndexOf(';');
            var name = semicolon > 0 ? raw[..semicolon] : throw new FormatException("'&' that starts no reference");
            text.Append(Reference(name));
            raw = raw[(semicolon + 1)..];
        }

        return text.ToString();
    }

    private static string Reference(ReadOnlySpan<char> name)
    {
        switch (name)
        {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
            case "apos": return "'";
        }

        if (name.StartsWith('#')
            && (name.Length > 2 && name[1] == 'x'
                ? int.TryParse(name[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                : int.TryParse(name[1..], NumberStyles.None, CultureInfo.InvariantCulture, out code))
            && code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF))
        {
            return char.ConvertFromUtf32(code);
        }

        throw new FormatException($"the reference '&{name};', which is not declared (DTDs are not read)");
    }

    private static void CheckCharacters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\t' or '\n' or '\r') || c is '\uFFFE' or '\uFFFF')
            {
                throw new FormatException($"the character {Shown(c)}, which XML does not allow");
            }
        }
    }

    private static string Shown(char c) => c < ' ' || c > '~' ? $"U+{(int)c:X4}" : c.ToString();

    private sealed record OpenElement(string QualifiedName, string LocalName, string NamespaceUri, Namespaces Namespaces);

    /// <summary>The prefixes in scope, innermost first; shared by the elements that declare nothing.</summary>
    private sealed record Namespaces(string Prefix, string Uri, Namespaces? Outer)
    {
        public static readonly Namespaces Root = new("xml", XmlNamespace, new Namespaces(string.Empty, string.Empty, null));

        public Namespaces With(string prefix, string uri) => new(prefix, uri, this);

        public string? Find(string prefix)
        {
            for (var scope = this; scope is not null; scope = scope.Outer)
            {
                if (scope.Prefix == prefix)
                {
                    return scope.Uri;
                }
            }

            return null;
        }
    }
}
