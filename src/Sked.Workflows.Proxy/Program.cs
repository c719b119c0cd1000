// The proxy in front of the app nodes: dotnet run --project src/Sked.Workflows.Proxy -- --urls http://127.0.0.1:8080
//   --Proxy:Nodes:0 http://127.0.0.1:5001 --Proxy:Nodes:1 http://127.0.0.1:5002   (scripts/cluster.sh starts it so)
await Sked.Workflows.Proxy.ProxyApp.Create(args).RunAsync();
