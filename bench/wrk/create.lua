-- POST ConfigMaps with generateName, so every request creates a new object.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"cm-","labels":{"app":"bench"}},"data":{"value":"x"}}'
