namespace AfterSales.Gateway.Panels.Dc09;

/// <summary>One IP panel reporting to the receiver, known by its account number.</summary>
internal sealed record Dc09AccountConfig
{
    /// <summary>The account as the panel sends it after '#' (hex digits, 1–16).</summary>
    public string Account { get; set; } = string.Empty;

    /// <summary>The device id its faults carry; its zones become <c>{panelId}.zone-012</c>.</summary>
    public string PanelId { get; set; } = string.Empty;

    /// <summary>AES key as 32/48/64 hex characters or 16/24/32 characters of text; or <see cref="KeyFile"/>.</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the key (so gateway.json need not); exclusive with <see cref="Key"/>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// An account without a key is refused unless this says its clear-text frames, which any device on the site LAN can
    /// forge (including the link tests that hide a cut panel), are accepted (issue 13).
    /// </summary>
    public bool AllowCleartext { get; set; }

    /// <summary>Seconds without any message (events or NULL link tests) before <c>panel.comm_fail</c>; 0 turns it off.</summary>
    public int SupervisionSeconds { get; set; }

    /// <summary>The key's text from <see cref="Key"/> or <see cref="KeyFile"/>, or null for a clear-text account.</summary>
    public string? KeyText() => Key ?? (KeyFile is null ? null : File.ReadAllText(KeyFile).Trim());
}
