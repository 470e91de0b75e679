// It creates the router, adds the routes and starts the server.
import BackendKit

let router = Router()
registerHealthRoute(on: router)
Server(router: router).run()
