using System.Globalization;

namespace AfterSales.Protocol.Panels;

/// <summary>An ordered field list under construction; order is wire order, which reads best in a dump.</summary>
public sealed class PanelFields
{
    private readonly List<KeyValuePair<string, string>> _items = [];

    public int Count => _items.Count;

    public PanelFields Add(string name, string value)
    {
        _items.Add(new(name, value));
        return this;
    }

    public PanelFields Add(string name, int value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public PanelFields Add(string name, bool value) => Add(name, value ? "true" : "false");

    internal List<KeyValuePair<string, string>> ToList() => [.. _items];
}
