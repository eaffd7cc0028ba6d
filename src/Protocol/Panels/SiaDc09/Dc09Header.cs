namespace AfterSales.Protocol.Panels.SiaDc09;

/// <summary>The envelope fields read before the data block, handed to <see cref="Dc09Body"/>.</summary>
internal readonly record struct Dc09Header(string Id, int Sequence, string? Receiver, string? Prefix, string? Account);
