namespace AfterSales.Protocol.Topics;

/// <summary>The topic scheme of wire contract v1: everything a site says lives under its own prefix.</summary>
public static class MqttTopics
{
    public const string Root = "aftersales/v1/sites";

    /// <summary>What several cloud nodes subscribe to so that each event reaches exactly one of them.</summary>
    public const string SharedEventsGroup = "cloud";

    public static string Events(string siteId) => Topic(siteId, TopicKind.Events);

    public static string Status(string siteId) => Topic(siteId, TopicKind.Status);

    public static string Heartbeat(string siteId) => Topic(siteId, TopicKind.Heartbeat);

    public static string Config(string siteId) => Topic(siteId, TopicKind.Config);

    /// <summary>Filter for one kind of topic across every site, e.g. <c>aftersales/v1/sites/+/events</c>.</summary>
    public static string AllSites(TopicKind kind) => $"{Root}/+/{Segment(kind)}";

    /// <summary>The MQTT v5 shared-subscription form of <see cref="AllSites"/>.</summary>
    public static string SharedAllSites(TopicKind kind, string group = SharedEventsGroup) =>
        $"$share/{group}/{AllSites(kind)}";

    public static string Topic(string siteId, TopicKind kind)
    {
        if (!SiteIds.IsValid(siteId))
        {
            throw new ArgumentException($"'{siteId}' is not a valid site id.", nameof(siteId));
        }

        return $"{Root}/{siteId}/{Segment(kind)}";
    }

    /// <summary>Splits a concrete topic into its site and kind; false for anything outside the scheme.</summary>
    public static bool TryParse(string topic, out string siteId, out TopicKind kind)
    {
        siteId = string.Empty;
        kind = default;
        var prefix = Root + "/";
        if (!topic.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = topic.AsSpan(prefix.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var site = rest[..slash].ToString();
        var parsedKind = rest[(slash + 1)..] switch
        {
            "events" => TopicKind.Events,
            "status" => TopicKind.Status,
            "heartbeat" => TopicKind.Heartbeat,
            "config" => TopicKind.Config,
            _ => (TopicKind?)null,
        };
        if (parsedKind is null || !SiteIds.IsValid(site))
        {
            return false;
        }

        siteId = site;
        kind = parsedKind.Value;
        return true;
    }

    private static string Segment(TopicKind kind) => kind switch
    {
        TopicKind.Events => "events",
        TopicKind.Status => "status",
        TopicKind.Heartbeat => "heartbeat",
        TopicKind.Config => "config",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown topic kind."),
    };
}
