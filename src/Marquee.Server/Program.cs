using Marquee.Server;

var app = MarqueeApp.Build(args);
app.Run();

/// <summary>Entry point; public so <c>WebApplicationFactory&lt;Program&gt;</c> can host it in tests.</summary>
public partial class Program;
