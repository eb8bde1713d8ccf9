export class Store { constructor() { this.items = new Map(); } async get(k) { return this.items.get(k); } async put(k, v) { this.items.set(k, v); } }
