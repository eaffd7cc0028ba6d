namespace AfterSales.Protocol.Topics;

public enum TopicKind
{
    Events,
    Status,
    Heartbeat,
    Config,
}
