# The app for operators: build with the .NET SDK, run on the ASP.NET runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
# The build fetches the font and map from npm into wwwroot/lib, and publishes them with the other static assets.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
RUN dotnet publish src/Sked.Workflows.Web -c Release -o /app
# The proxy in front of several nodes (docker-compose.yml): `dotnet proxy/Sked.Workflows.Proxy.dll`.
RUN dotnet publish src/Sked.Workflows.Proxy -c Release -o /app/proxy

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
CMD ["dotnet", "Sked.Workflows.Web.dll"]
