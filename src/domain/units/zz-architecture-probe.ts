import { openDatabase } from '../../infrastructure/db/database.js';
import Fastify from 'fastify';
import { useState } from 'react';
export const x = [openDatabase, Fastify, useState, process.env.X];