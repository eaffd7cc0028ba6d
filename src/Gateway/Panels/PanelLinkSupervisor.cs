namespace AfterSales.Gateway.Panels;

/// <summary>
/// Pure link policy for one panel: <c>panel.offline</c> while its port is gone, <c>panel.comm_fail</c> after a number
/// of poll intervals without one good frame, or while the panel itself reports that it cannot communicate (PRT3
/// <c>COMM&amp;fail</c>, IT-100 TLM trouble). Both sources feed one fault so they cannot clear each other.
/// </summary>
internal sealed class PanelLinkSupervisor(int missedPollsBeforeFault)
{
    private int _missedPolls;
    private bool _framesSinceLastPoll;
    private bool _panelReportsCommFail;

    public bool Offline { get; private set; }

    public bool CommFail => !Offline && (_panelReportsCommFail || (missedPollsBeforeFault > 0 && _missedPolls >= missedPollsBeforeFault));

    public void Connected()
    {
        Offline = false;
        _missedPolls = 0;
        _framesSinceLastPoll = false;
    }

    public void Disconnected() => Offline = true;

    /// <summary>Only well-formed frames count: a wrong baud rate produces plenty of bytes and no answer.</summary>
    public void GoodFrame()
    {
        _framesSinceLastPoll = true;
        _missedPolls = 0;
    }

    public void PanelReportedCommFail(bool active) => _panelReportsCommFail = active;

    /// <summary>One poll interval has passed; counts it as missed when nothing good arrived in it.</summary>
    public void PollIntervalElapsed()
    {
        if (Offline)
        {
            return;
        }

        if (!_framesSinceLastPoll && _missedPolls < int.MaxValue)
        {
            _missedPolls++;
        }

        _framesSinceLastPoll = false;
    }
}
